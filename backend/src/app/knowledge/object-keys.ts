/**
 * S3 keys of knowledge documents. Uploads land under `uploads/` (the bucket's lifecycle expires what is left there:
 * abandoned uploads); a document that became a source lives under `sources/`.
 */
export const UPLOADS_PREFIX = 'uploads/';
export const SOURCES_PREFIX = 'sources/';

/** Where an upload is PUT. */
export const uploadObjectKey = (clinicId: string, uploadId: string) => `${UPLOADS_PREFIX}${clinicId}/${uploadId}`;

/** Where a source's document lives; the file name is kept last (the provider sees it). */
export const sourceObjectKey = (clinicId: string, sourceId: string, fileName: string) => `${SOURCES_PREFIX}${clinicId}/${sourceId}/${fileName}`;
