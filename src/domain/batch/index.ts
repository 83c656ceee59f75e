export { formatRejection, type Rejection } from './rejection.ts';
