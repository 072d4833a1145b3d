// The `readiness.*` settings of one resource, as the server uses them: the
// defaults, then the configuration file found from the document's folder upward
// (`.readiness.json` or package.json's `readiness` key, read through the Node
// file port and parsed by the core), then the VS Code settings the user set.
// The layers and their conversion live in the core (`core/settings.ts`), shared
// with the CLI.
export { defaultSettings, mergeLayers, toSettings, type ResourceSettings } from '../core/api';
