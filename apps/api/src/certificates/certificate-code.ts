import { readableCode } from '../common/readable-code.js';

/** 12 unambiguous characters in three groups: easy to read aloud or type from paper, infeasible to guess. */
export const newCertificateCode = (): string => readableCode([4, 4, 4]);

/** What a certificate code looks like once trimmed and upper-cased (see newCertificateCode). */
export const CERTIFICATE_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
