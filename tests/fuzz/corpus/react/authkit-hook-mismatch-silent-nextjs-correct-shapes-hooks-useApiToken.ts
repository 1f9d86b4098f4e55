// Not WorkOS's useAuth: the app's own hook, which does return isLoading and getAccessToken.
import { useAuth } from './useAuth';

export function useApiToken() {
  const { isLoading, getAccessToken } = useAuth();
  return isLoading ? null : getAccessToken;
}
