// LSP fixture: findings on a JSX attribute line and inside a multi-line template literal.
import { AuthKitProvider } from "@workos-inc/authkit-react";

export function Login() {
  return (
    <AuthKitProvider
      clientId="client_01JD8X3Q4K2M6N7P8R9S0T1V2W"
      redirectUri={import.meta.env.VITE_WORKOS_REDIRECT_URI}
    >
      <p>sign in</p>
    </AuthKitProvider>
  );
}

export const docs = `
  paste client_01JD8X3Q4K2M6N7P8R9S0T1V2W here`;
