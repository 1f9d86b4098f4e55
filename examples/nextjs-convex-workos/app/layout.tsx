import type { ReactNode } from "react";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { ConvexClientProvider } from "../components/ConvexClientProvider";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { accessToken } = await withAuth();
  return (
    <html lang="en">
      <body>
        <ConvexClientProvider expectAuth={!!accessToken}>{children}</ConvexClientProvider>
      </body>
    </html>
  );
}
