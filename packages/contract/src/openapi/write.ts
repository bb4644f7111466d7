import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiDocument } from './document.js';

/**
 * `npm run openapi -w packages/contract`: writes the document to
 * `packages/contract/openapi.json`. This file runs from `dist/openapi/`, so
 * the package root is two levels up, as it is from `src/openapi/`.
 */
const target = fileURLToPath(new URL('../../openapi.json', import.meta.url));
writeFileSync(target, renderOpenApiDocument());
console.log(`Wrote ${target}`);
