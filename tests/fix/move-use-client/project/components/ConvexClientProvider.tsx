// The directive after an import is an ordinary string: Next.js ignores it.
import { ReactNode, useCallback, useState } from "react";
"use client";
import { ConvexReactClient, ConvexProviderWithAuth } from "convex/react";
import { AuthKitProvider, useAuth, useAccessToken } from "@workos-inc/authkit-nextjs/components";

export function ConvexClientProvider({ children }: { children: ReactNode }) {
  const [convex] = useState(() => new ConvexReactClient(process.env.NEXT_PUBLIC_CONVEX_URL!));
  return (
    <AuthKitProvider>
      <ConvexProviderWithAuth client={convex} useAuth={useAuthFromAuthKit}>
        {children}
      </ConvexProviderWithAuth>
    </AuthKitProvider>
  );
}

function useAuthFromAuthKit() {
  const { user, loading: isLoading } = useAuth();
  const { getAccessToken } = useAccessToken();
  const fetchAccessToken = useCallback(async () => (await getAccessToken()) ?? null, [getAccessToken]);
  return { isLoading, isAuthenticated: !!user, fetchAccessToken };
}
