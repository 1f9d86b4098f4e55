// Secrets pasted into comments next to the fix: the diff's context lines must not show them.
const clientId = process.env.WORKOS_CLIENT_ID;

export default {
  providers: [
    {
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: clientId,
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
    },
    // old cookie password: Zk3h0qP2vX9sL7mN4bR8tY6wA1cE5gJ0uI2oQ7xW3k=
    // staging key: sk_test_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6
  ],
};
