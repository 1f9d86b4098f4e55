// A .js config with the id inside the issuer and jwks URLs.
export default {
  providers: [
    {
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: process.env.WORKOS_CLIENT_ID,
      jwks: "https://api.workos.com/sso/jwks/client_01JD8X3Q4K2M6N7P8R9S0T1V2W",
    },
    {
      type: "customJwt",
      issuer: "https://api.workos.com/user_management/client_01JD8X3Q4K2M6N7P8R9S0T1V2W",
      algorithm: "RS256",
      jwks: "https://api.workos.com/sso/jwks/client_01JD8X3Q4K2M6N7P8R9S0T1V2W",
    },
  ],
};
