/** The error a promise rejects with; a test fails ("accepted") when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(
    () => {
      throw new Error("accepted");
    },
    (reason: unknown) => reason,
  );
  return error as { status: number; code: string; message: string };
}
