// Placeholder: replaced by the real handler in the main-job work.
export const handler = async (): Promise<{ statusCode: number; body: string }> => ({ statusCode: 501, body: '{"error":"not_implemented","message":"not implemented yet"}' });
