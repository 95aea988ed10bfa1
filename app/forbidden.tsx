import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center p-6 text-center">
      <p className="text-sm font-medium text-muted">403</p>
      <h1 className="mt-1 text-xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 max-w-md text-muted">Your role does not include it. Ask an admin if you need access.</p>
      <Link href="/" className="mt-5 text-accent underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
