// Bundle the dashboard into ../rasd/server/static/ — everything local, nothing fetched at run time.
// Usage: npm ci && npm run build   (node >= 18)
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "rasd", "server", "static");
const nm = join(here, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "swagger"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true, minify: true, format: "iife", target: ["es2020"],
  outfile: join(out, "app.js"), legalComments: "linked", logLevel: "warning",
});
await build({
  entryPoints: [join(here, "src", "style.css")],
  bundle: true, minify: true, outfile: join(out, "app.css"),
  loader: { ".png": "dataurl", ".svg": "dataurl" }, logLevel: "warning",
});
await build({
  entryPoints: [join(here, "src", "docs.js")],
  bundle: true, minify: true, format: "iife", outfile: join(out, "swagger", "docs-init.js"), logLevel: "warning",
});

// The basemap: Natural Earth 1:110m and 1:50m country shapes (public domain), as TopoJSON.
copyFileSync(join(nm, "world-atlas", "countries-50m.json"), join(out, "countries-50m.json"));
copyFileSync(join(nm, "world-atlas", "countries-110m.json"), join(out, "countries-110m.json"));
copyFileSync(join(nm, "world-atlas", "LICENSE"), join(out, "countries-50m.LICENSE.txt"));
// Swagger UI for /docs, served locally.
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE"]) {
  copyFileSync(join(nm, "swagger-ui-dist", f), join(out, "swagger", f));
}
for (const page of ["index.html", "docs.html"]) copyFileSync(join(here, "src", page), join(out, page));
copyFileSync(join(here, "src", "favicon.svg"), join(out, "favicon.svg"));

// A manifest of what was built, with sizes (the test suite checks the assets exist).
const files = {};
const walk = (d, pre = "") => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p, pre + f + "/");
    else files[pre + f] = statSync(p).size;
  }
};
walk(out);
const pkg = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
writeFileSync(join(out, "manifest.json"), JSON.stringify({ name: pkg.name, version: pkg.version, files }, null, 1) + "\n");
const total = Object.values(files).reduce((a, b) => a + b, 0);
console.log(`built ${Object.keys(files).length} files, ${(total / 1e6).toFixed(2)} MB into ${out}`);
