// The same mistake read off the whole result object, through a namespace import.
import { useCallback } from 'react';
import * as WorkOS from '@workos-inc/authkit-nextjs/components';

export function useToken() {
  const auth = WorkOS.useAuth();
  return useCallback(() => auth.getAccessToken(), [auth]);
}
