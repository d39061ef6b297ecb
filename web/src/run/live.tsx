/** Re-renders its children (a function) on every frame of the run, without re-rendering the whole app. */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

export function Live(props: { sub: Set<() => void>; children: () => ComponentChildren }) {
  const [, set] = useState(0);
  useEffect(() => {
    const f = () => set((x) => x + 1);
    props.sub.add(f);
    return () => {
      props.sub.delete(f);
    };
  }, [props.sub]);
  return <>{props.children()}</>;
}
