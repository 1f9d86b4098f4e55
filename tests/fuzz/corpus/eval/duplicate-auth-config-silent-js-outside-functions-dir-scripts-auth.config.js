// A script that happens to share the name.
export default { providers: [] };
