/** Zendesk's official client ships no type declarations: the tests hold it as the untyped CommonJS module it is. */
declare module 'sunshine-conversations-client' {
  const SunshineConversationsClient: any
  export default SunshineConversationsClient
}
