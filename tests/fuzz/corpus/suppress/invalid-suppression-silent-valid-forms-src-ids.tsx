# cwlint-ignore short-cookie-password: throwaway local demo, never deployed
WORKOS_COOKIE_PASSWORD="tooshort
but multi-line"
// Every valid form: own line (next statement, multi-line), trailing, block, JSX, file-wide.
import { AuthKitProvider } from "@workos-inc/authkit-react";

// cwlint-ignore hardcoded-client-id: the id of the shared e2e staging environment
export const e2e = {
  clientId: "client_01JD8X3Q4K2M6N7P8R9S0T1V2W",
};
export const b = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W"; // cwlint-ignore hardcoded-client-id: same id
export const c = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W"; /* cwlint-ignore hardcoded-client-id: same id */

export function Demo() {
  return (
    <div>
      {/* cwlint-ignore hardcoded-client-id: storybook only */}
      <AuthKitProvider clientId="client_01JD8X3Q4K2M6N7P8R9S0T1V2W">x</AuthKitProvider>
    </div>
  );
}
