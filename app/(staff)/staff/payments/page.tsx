export { default, metadata } from "@/app/_back-office/payments";
