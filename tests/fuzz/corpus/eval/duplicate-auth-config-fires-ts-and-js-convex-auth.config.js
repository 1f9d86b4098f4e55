// Left behind by a migration to TypeScript.
const clientId = process.env.WORKOS_CLIENT_ID;

export default {
  providers: [
    { domain: `https://api.workos.com/user_management/${clientId}`, applicationID: clientId },
  ],
};
