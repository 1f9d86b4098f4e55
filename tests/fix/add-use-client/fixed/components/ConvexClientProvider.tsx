/*
 * Copyright 2025 Acme Notes. Licensed under the MIT license.
 */
// The provider: it creates the client and runs AuthKit's hooks, so it must be a client file.
'use client'

import { ReactNode, useCallback, useState } from 'react'
import { ConvexReactClient, ConvexProviderWithAuth } from 'convex/react'
import { AuthKitProvider, useAuth, useAccessToken } from '@workos-inc/authkit-nextjs/components'

export function ConvexClientProvider({ children }: { children: ReactNode }) {
  const [convex] = useState(() => new ConvexReactClient(process.env.NEXT_PUBLIC_CONVEX_URL!))
  return (
    <AuthKitProvider>
      <ConvexProviderWithAuth client={convex} useAuth={useAuthFromAuthKit}>
        {children}
      </ConvexProviderWithAuth>
    </AuthKitProvider>
  )
}

function useAuthFromAuthKit() {
  const { user, loading: isLoading } = useAuth()
  const { getAccessToken } = useAccessToken()
  const fetchAccessToken = useCallback(async () => (await getAccessToken()) ?? null, [getAccessToken])
  return { isLoading, isAuthenticated: !!user, fetchAccessToken }
}
