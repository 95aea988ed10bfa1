import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center p-6 text-center">
      <p className="text-sm font-medium text-muted">404</p>
      <h1 className="mt-1 text-xl font-semibold">Nothing here</h1>
      <Link href="/" className="mt-5 text-accent underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
