/** The served kinds' Go structs, which the protobuf decoder reads field by field. */
export { PROTOBUF_KINDS, PROTOBUF_MESSAGES, type FieldRow, type FieldShape } from '../../../lib/go-struct-json/k8s-go-structs.ts';
