// NEXT_PUBLIC_ read four times (one finding), and an EXPO_PUBLIC_ read through env from
// _generated/server that the config does not even use: the whole file is evaluated.
import { env } from "./_generated/server";

const appName = env.EXPO_PUBLIC_APP_NAME;

export default {
  providers: [
    {
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: process.env.NEXT_PUBLIC_WORKOS_CLIENT_ID,
      jwks: `https://api.workos.com/sso/jwks/${process.env.NEXT_PUBLIC_WORKOS_CLIENT_ID}`,
    },
    {
      type: "customJwt",
      issuer: `https://api.workos.com/user_management/${process.env.NEXT_PUBLIC_WORKOS_CLIENT_ID}`,
      algorithm: "RS256",
      jwks: `https://api.workos.com/sso/jwks/${process.env.NEXT_PUBLIC_WORKOS_CLIENT_ID}`,
    },
  ],
};
