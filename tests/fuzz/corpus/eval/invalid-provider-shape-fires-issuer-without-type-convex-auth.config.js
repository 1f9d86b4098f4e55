// Issuers written like OIDC providers: no type (so Convex reads OIDC), and type "oidc".
const clientId = process.env.WORKOS_CLIENT_ID;

export default {
  providers: [
    { issuer: "https://api.workos.com/", applicationID: clientId },
    { type: "oidc", issuer: `https://api.workos.com/user_management/${clientId}`, algorithm: "RS256", jwks: `https://api.workos.com/sso/jwks/${clientId}` },
  ],
};
