/** The error of a whole form (one that names no field of it), at its top or beside its buttons. */
export function FormError({ message, className = "text-sm" }: { message: string | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className={`${className} text-red-700`}>
      {message}
    </p>
  );
}
