/**
 * The SDK's elements, registered through the components package's public exports only. An element
 * that has not been released yet is simply absent: its page falls back to server-published tables.
 */
export {};
