export { default, metadata } from "@/app/_back-office/invoices";
