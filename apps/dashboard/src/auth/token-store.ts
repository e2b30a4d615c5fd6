// The read token lives in sessionStorage: it survives a reload, not the closing of the tab.
const TOKEN_KEY = 'coil.readToken';

export const tokenStore = {
  read(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  write(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};
