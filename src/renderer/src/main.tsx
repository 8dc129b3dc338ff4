import '@fontsource/roboto/400.css'
import '@fontsource/roboto/500.css'
import '@fontsource/roboto/600.css'
import '@fontsource/roboto/700.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { createAppStores } from './app/app-stores'
import { connect } from './connection/connect'

const root = document.getElementById('root')
if (!root) throw new Error('index.html lost its #root element')

const stores = createAppStores(connect())
void stores.session.getState().init()

createRoot(root).render(
  <StrictMode>
    <App stores={stores} />
  </StrictMode>,
)
