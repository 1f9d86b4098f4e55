import { ConvexClientProvider } from '../components/ConvexClientProvider';

export const metadata = { title: 'Notes' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ConvexClientProvider>{children}</ConvexClientProvider>
      </body>
    </html>
  );
}
