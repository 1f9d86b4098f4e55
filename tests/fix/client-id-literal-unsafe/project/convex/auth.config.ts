// Client ids pasted in: the const, and two in one string (their fixes overlap: two passes).
const clientId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
export const previewClients = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W,client_01JD8X3Q4K2M6N7P8R9S0T1V2W";

export default {
  providers: [
    {
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: clientId,
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
    },
    {
      type: "customJwt",
      issuer: `https://api.workos.com/user_management/${clientId}`,
      algorithm: "RS256",
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
    },
  ],
};
