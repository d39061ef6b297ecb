#!/usr/bin/env node
// The learndyn command. The TypeScript sources are compiled to dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "learndyn: dist/ is missing; run `npm install` (which builds) or `npm run build` first\n",
  );
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
