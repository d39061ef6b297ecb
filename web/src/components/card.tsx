/** A view's card: title, subtitle, log-y toggle and figure downloads around one chart. */
import type { ComponentChildren } from "preact";

/** A curve over time. */
type Curve = { t: number[]; y: number[] };

/** What every card needs from the page. */
export interface ViewOptions {
  /** Time axis on a log scale. */
  logX: boolean;
  /** Per card id: y axis on a log scale. */
  logY: Record<string, boolean>;
  /** Flips a card's log-y. */
  toggleLogY: (card: string) => void;
  /** Pinned runs drawn beside this one on the loss and error charts, with their legend labels. */
  pins?: readonly { label: string; color: string; loss: Curve; error: Curve }[];
  /** Downloads a card as a figure (the report's Vega-Lite spec). */
  exportFigure: (card: string, format: "svg" | "png") => void;
}

/** SVG and PNG download buttons of a card (`testPrefix`: their data-testid is `${testPrefix}-svg` / `-png`). */
export function FigureButtons(props: { onExport: (format: "svg" | "png") => void; testPrefix?: string }) {
  return (
    <>
      {(["svg", "png"] as const).map((f) => (
        <button
          key={f}
          type="button"
          class="tiny"
          onClick={() => props.onExport(f)}
          title={`download as ${f.toUpperCase()}`}
          data-testid={props.testPrefix ? `${props.testPrefix}-${f}` : undefined}
        >
          {f.toUpperCase()}
        </button>
      ))}
    </>
  );
}

/** A card of the views. */
export function Card(props: {
  id: string;
  title: string;
  subtitle?: string;
  children: ComponentChildren;
  o: ViewOptions;
  logToggle?: boolean;
  wide?: boolean;
  /** Offer SVG/PNG downloads (default true; views without a report figure say false). */
  figures?: boolean;
}) {
  return (
    <section
      class={props.wide ? "card wide" : "card"}
      data-testid={`card-${props.id}`}
      aria-label={props.title}
    >
      <header>
        <div>
          <h3>{props.title}</h3>
          {props.subtitle && <p class="sub">{props.subtitle}</p>}
        </div>
        <div class="card-tools">
          {props.logToggle && (
            <button
              type="button"
              class={props.o.logY[props.id] ? "tiny on" : "tiny"}
              aria-pressed={props.o.logY[props.id] ?? false}
              onClick={() => props.o.toggleLogY(props.id)}
              title="logarithmic y axis"
            >
              log y
            </button>
          )}
          {props.figures !== false && <FigureButtons onExport={(f) => props.o.exportFigure(props.id, f)} />}
        </div>
      </header>
      {props.children}
    </section>
  );
}
