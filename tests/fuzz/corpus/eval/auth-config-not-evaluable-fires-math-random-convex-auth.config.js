// Math.random while the config is evaluated (a cache-busting query string): the sandbox has none.
const clientId = process.env.WORKOS_CLIENT_ID;
const bust = Math.random().toString(36).slice(2);

export default {
  providers: [
    { type: "customJwt", issuer: "https://api.workos.com/", algorithm: "RS256", applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}?v=${bust}` },
    { type: "customJwt", issuer: `https://api.workos.com/user_management/${clientId}`, algorithm: "RS256", jwks: `https://api.workos.com/sso/jwks/${clientId}` },
  ],
};
