/** Hands a clinic's knowledge sync to the background (an asynchronous Lambda invocation in AWS and locally). */
export interface KnowledgeSyncQueue {
  /** Asks for a sync of the clinic's knowledge base soon. Resolves once the request is queued, not when it ran. */
  enqueue(clinicId: string): Promise<void>;
}
