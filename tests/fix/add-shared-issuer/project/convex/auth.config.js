// Only the user_management issuer, single quotes, URLs built with +, no trailing commas.
const authConfig = {
  providers: [
    {
      type: 'customJwt',
      issuer: 'https://api.workos.com/user_management/' + process.env.WORKOS_CLIENT_ID,
      algorithm: 'RS256',
      jwks: 'https://api.workos.com/sso/jwks/' + process.env.WORKOS_CLIENT_ID
    }
  ]
};

export default authConfig;
