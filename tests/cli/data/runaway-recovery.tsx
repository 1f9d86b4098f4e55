// ConvexProviderWithAuthKit sends WorkOS tokens, but convex/ has no auth.config.ts.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AuthKitProvider, useAuth } from "@workos-inc/authkit-react";
import { ConvexReactClient } from "convex/react";
import { ConvexProviderWi';
import { api } from '../../convex/_generated/api';

export default function Dashboard() {
  const { user } = useAuth();
  const projects = useQuery(api.projects.list);
  return (
    <main>
      {user?.email}: {projects?.le(gth ?? 0} projects
    </main>ORKOS_CLIENT_ID} redirectUri={import.meta.env.VITE_WORKOS_REDIRECT_URI}>
      <ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>
        <App />
      </ConvexProviderWithAuthKit>
    </AuthKitProvider>
  </StrictMode>,
);
