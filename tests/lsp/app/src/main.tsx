// LSP fixture: a Vite app with seeded findings on ASCII, non-ASCII and JSX lines.
import { createRoot } from "react-dom/client";
import { AuthKitProvider } from "@workos-inc/authkit-react";
import { ConvexProvider, ConvexReactClient } from "convex/react";
import App from "./App";

const convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL);
const demoClientId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
const banner = "héllo 🎉"; const otherId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2X";
export const key = "sk_test_fixtureSecret0123456789abcdefXYZ";

createRoot(document.getElementById("root")!).render(
  <AuthKitProvider clientId={import.meta.env.VITE_WORKOS_CLIENT_ID} redirectUri={import.meta.env.VITE_WORKOS_REDIRECT_URI}>
    <ConvexProvider client={convex}>
      <App />
    </ConvexProvider>
  </AuthKitProvider>,
);
