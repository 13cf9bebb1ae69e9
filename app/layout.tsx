import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TopBar } from '@/components/site/top-bar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'songcast — will this song last?', template: '%s · songcast' },
  description: 'Forecasts of how popular trending songs will be in 6 and 12 months.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16161a' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-bg font-sans text-fg antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-3 focus:z-30 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        <TopBar />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-muted sm:px-6">
          Scores are chart-derived: #1 scores 100, off the chart 0. Forecasts are estimates with their uncertainty shown, not promises.
        </footer>
      </body>
    </html>
  );
}
