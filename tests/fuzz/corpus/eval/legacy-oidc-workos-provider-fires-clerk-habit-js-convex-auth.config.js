// Clerk's habit carried over: type "oidc", the shared WorkOS domain and applicationID "convex".
export default {
  providers: [
    { type: "oidc", domain: "https://api.workos.com/", applicationID: "convex" },
  ],
};
