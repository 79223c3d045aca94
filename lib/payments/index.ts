// The payment domain other features reuse (the portal's client payments among them).
export { recordPayment, type RecordPaymentInput, type PaymentResult } from "./record";
export { REFUND_CHANGED, confirmPayment, rejectPayment, refundPayment } from "./settle";
