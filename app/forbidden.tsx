import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center">
        <h1 className="text-xl font-semibold">Not allowed</h1>
        <p className="mt-2 text-sm text-slate-600">
          This page needs the admin role. Ask an admin to change your role if you need it.
        </p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 underline">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
