/** The lab's two modes: the network lab (App) and the GAN view, chosen by tabs (#gan selects the GAN view). */
import { useEffect, useState } from "preact/hooks";
import { App } from "./app.js";
import { isGanHash } from "./gan/gan-url.js";
import { GanView } from "./gan/gan-view.js";

const isGan = () => isGanHash(window.location.hash);

export function Root() {
  const [gan, setGan] = useState(isGan);
  useEffect(() => {
    const onHash = () => setGan(isGan());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const show = (g: boolean) => {
    // The network lab keeps its config in the hash; the GAN view is "#gan".
    window.location.hash = g ? "gan" : "";
    setGan(g);
  };
  return (
    <>
      <nav class="tabs" aria-label="lab mode">
        <button
          type="button"
          class={gan ? "tab" : "tab on"}
          aria-pressed={!gan}
          onClick={() => show(false)}
          data-testid="tab-lab"
        >
          Network lab
        </button>
        <button
          type="button"
          class={gan ? "tab on" : "tab"}
          aria-pressed={gan}
          onClick={() => show(true)}
          data-testid="tab-gan"
        >
          GAN: mode collapse
        </button>
      </nav>
      {gan ? (
        <div class="app">
          <header class="top">
            <div class="brand">
              <h1>
                learndyn <span>GAN</span>
              </h1>
              <p>Watch a GAN chase a mixture of Gaussians — and see which modes it captures.</p>
            </div>
          </header>
          <GanView />
        </div>
      ) : (
        <App />
      )}
    </>
  );
}
