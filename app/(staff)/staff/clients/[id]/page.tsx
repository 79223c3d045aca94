export { default, metadata } from "@/app/_back-office/client";
