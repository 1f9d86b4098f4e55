import type { AuthConfig } from "convex/server";

// Copied from the WorkOS dashboard while debugging login.
const clientId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";

export default {
  providers: [
    {
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: clientId,
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
    },
  ],
} satisfies AuthConfig;
