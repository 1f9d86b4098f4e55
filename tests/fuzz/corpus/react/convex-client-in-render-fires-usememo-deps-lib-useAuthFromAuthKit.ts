import { useCallback } from 'react';
import { useAuth, useAccessToken } from '@workos-inc/authkit-nextjs/components';

export function useAuthFromAuthKit() {
  const { user, loading: isLoading } = useAuth();
  const { getAccessToken } = useAccessToken();
  const fetchAccessToken = useCallback(async () => (await getAccessToken()) ?? null, [getAccessToken]);
  return { isLoading, isAuthenticated: !!user, fetchAccessToken };
}
