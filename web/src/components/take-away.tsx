/** The "Take it with you" panel of the lab and the GAN view: the CLI command and the run's downloads. */
import type { ComponentChildren } from "preact";
import { download } from "../export/figures.js";

/** A file the panel offers, made when its button is pressed. */
export interface Offered {
  label: string;
  /** File name of the download. */
  name: string;
  /** The file's text, made on demand. */
  content: () => string;
  /** MIME type (default application/json). */
  type?: string;
  disabled?: boolean;
  testId?: string;
}

export function TakeAway(props: {
  onCopy: () => void;
  /** data-testid prefix ("" or "gan-") of the copy button and the command. */
  prefix: string;
  files: readonly Offered[];
  command: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="actions">
      <h3>Take it with you</h3>
      <button type="button" onClick={props.onCopy} data-testid={`${props.prefix}copy-cli`}>
        Copy CLI command
      </button>
      {props.files.map((f) => (
        <button
          key={f.name}
          type="button"
          disabled={f.disabled}
          data-testid={f.testId}
          onClick={() => download(f.name, f.content(), f.type)}
        >
          {f.label}
        </button>
      ))}
      <code class="cli" data-testid={`${props.prefix}cli-command`}>
        {props.command}
      </code>
      {props.children}
    </div>
  );
}
