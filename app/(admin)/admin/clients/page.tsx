export { default, metadata } from "@/app/_back-office/clients";
