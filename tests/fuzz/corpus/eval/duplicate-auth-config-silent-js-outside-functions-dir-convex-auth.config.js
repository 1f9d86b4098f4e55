// An old functions dir convex.json no longer points at: the CLI never looks here.
export default { providers: [] };
