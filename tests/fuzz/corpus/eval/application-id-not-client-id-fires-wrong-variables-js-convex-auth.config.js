// Variables whose names say they hold something else: the API key, a URL.
const clientId = process.env.WORKOS_CLIENT_ID;

export default {
  providers: [
    { type: "customJwt", issuer: "https://api.workos.com/", algorithm: "RS256", applicationID: process.env.WORKOS_API_KEY, jwks: `https://api.workos.com/sso/jwks/${clientId}` },
    { type: "customJwt", issuer: `https://api.workos.com/user_management/${clientId}`, algorithm: "RS256", jwks: `https://api.workos.com/sso/jwks/${clientId}` },
    { type: "customJwt", issuer: "https://auth.example.com/", algorithm: "RS256", applicationID: process.env.CONVEX_SITE_URL, jwks: `https://api.workos.com/sso/jwks/${clientId}` },
  ],
};
