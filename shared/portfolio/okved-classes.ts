/**
 * ОКВЭД-2 (ОК 029-2014, КДЕС Ред. 2) classes: the two-digit level, with the section letter,
 * Russian name (shortened where the official one runs on) and the NACE Rev. 2 English name.
 * Data, not logic: okved.ts looks codes up here.
 *
 * The Romanian names are CAEN Rev. 2's divisions (Ordinul INS 337/2007). ОКВЭД-2 and CAEN
 * both take NACE Rev. 2's two-digit level unchanged, so every code here names the same
 * division in both; they part below it (ОКВЭД-2's NN.NN.N and NN.NN.NN levels are
 * Russian, CAEN stops at four digits), which is why only the class is named. Where the
 * Russian short name is narrower than the division (01 "растениеводство и
 * животноводство", 35 "обеспечение электрической энергией…"), the Romanian follows CAEN.
 */
export interface OkvedClass {
  code: string;
  section: string;
  ru: string;
  en: string;
  /** The CAEN Rev. 2 division of the same code (Romania's NACE, as ОКВЭД-2 is Russia's). */
  ro: string;
}

export const OKVED_CLASSES: readonly OkvedClass[] = [
  { code: '01', section: 'A', ru: 'Растениеводство и животноводство, охота', en: 'Crop and animal production, hunting', ro: 'Agricultură, vânătoare și servicii anexe' },
  { code: '02', section: 'A', ru: 'Лесоводство и лесозаготовки', en: 'Forestry and logging', ro: 'Silvicultură și exploatare forestieră' },
  { code: '03', section: 'A', ru: 'Рыболовство и рыбоводство', en: 'Fishing and aquaculture', ro: 'Pescuitul și acvacultura' },
  { code: '05', section: 'B', ru: 'Добыча угля', en: 'Mining of coal and lignite', ro: 'Extracția cărbunelui superior și inferior' },
  { code: '06', section: 'B', ru: 'Добыча нефти и природного газа', en: 'Extraction of crude petroleum and natural gas', ro: 'Extracția petrolului brut și a gazelor naturale' },
  { code: '07', section: 'B', ru: 'Добыча металлических руд', en: 'Mining of metal ores', ro: 'Extracția minereurilor metalifere' },
  { code: '08', section: 'B', ru: 'Добыча прочих полезных ископаемых', en: 'Other mining and quarrying', ro: 'Alte activități extractive' },
  { code: '09', section: 'B', ru: 'Услуги в области добычи полезных ископаемых', en: 'Mining support service activities', ro: 'Activități de servicii anexe extracției' },
  { code: '10', section: 'C', ru: 'Производство пищевых продуктов', en: 'Manufacture of food products', ro: 'Industria alimentară' },
  { code: '11', section: 'C', ru: 'Производство напитков', en: 'Manufacture of beverages', ro: 'Fabricarea băuturilor' },
  { code: '12', section: 'C', ru: 'Производство табачных изделий', en: 'Manufacture of tobacco products', ro: 'Fabricarea produselor din tutun' },
  { code: '13', section: 'C', ru: 'Производство текстильных изделий', en: 'Manufacture of textiles', ro: 'Fabricarea produselor textile' },
  { code: '14', section: 'C', ru: 'Производство одежды', en: 'Manufacture of wearing apparel', ro: 'Fabricarea articolelor de îmbrăcăminte' },
  { code: '15', section: 'C', ru: 'Производство кожи и изделий из кожи', en: 'Manufacture of leather and related products', ro: 'Tăbăcirea și finisarea pieilor; fabricarea articolelor din piele' },
  { code: '16', section: 'C', ru: 'Обработка древесины и производство изделий из дерева', en: 'Manufacture of wood and products of wood', ro: 'Prelucrarea lemnului și fabricarea produselor din lemn' },
  { code: '17', section: 'C', ru: 'Производство бумаги и бумажных изделий', en: 'Manufacture of paper and paper products', ro: 'Fabricarea hârtiei și a produselor din hârtie' },
  { code: '18', section: 'C', ru: 'Полиграфическая деятельность и копирование носителей информации', en: 'Printing and reproduction of recorded media', ro: 'Tipărire și reproducerea pe suporți a înregistrărilor' },
  { code: '19', section: 'C', ru: 'Производство кокса и нефтепродуктов', en: 'Manufacture of coke and refined petroleum products', ro: 'Fabricarea produselor de cocserie și a produselor obținute din prelucrarea țițeiului' },
  { code: '20', section: 'C', ru: 'Производство химических веществ и химических продуктов', en: 'Manufacture of chemicals and chemical products', ro: 'Fabricarea substanțelor și a produselor chimice' },
  { code: '21', section: 'C', ru: 'Производство лекарственных средств и медицинских материалов', en: 'Manufacture of pharmaceutical products', ro: 'Fabricarea produselor farmaceutice de bază și a preparatelor farmaceutice' },
  { code: '22', section: 'C', ru: 'Производство резиновых и пластмассовых изделий', en: 'Manufacture of rubber and plastic products', ro: 'Fabricarea produselor din cauciuc și mase plastice' },
  { code: '23', section: 'C', ru: 'Производство прочей неметаллической минеральной продукции', en: 'Manufacture of other non-metallic mineral products', ro: 'Fabricarea altor produse din minerale nemetalice' },
  { code: '24', section: 'C', ru: 'Производство металлургическое', en: 'Manufacture of basic metals', ro: 'Industria metalurgică' },
  { code: '25', section: 'C', ru: 'Производство готовых металлических изделий', en: 'Manufacture of fabricated metal products', ro: 'Industria construcțiilor metalice și a produselor din metal' },
  { code: '26', section: 'C', ru: 'Производство компьютеров, электронных и оптических изделий', en: 'Manufacture of computer, electronic and optical products', ro: 'Fabricarea calculatoarelor și a produselor electronice și optice' },
  { code: '27', section: 'C', ru: 'Производство электрического оборудования', en: 'Manufacture of electrical equipment', ro: 'Fabricarea echipamentelor electrice' },
  { code: '28', section: 'C', ru: 'Производство машин и оборудования', en: 'Manufacture of machinery and equipment', ro: 'Fabricarea de mașini, utilaje și echipamente' },
  { code: '29', section: 'C', ru: 'Производство автотранспортных средств, прицепов и полуприцепов', en: 'Manufacture of motor vehicles, trailers and semi-trailers', ro: 'Fabricarea autovehiculelor, remorcilor și semiremorcilor' },
  { code: '30', section: 'C', ru: 'Производство прочих транспортных средств и оборудования', en: 'Manufacture of other transport equipment', ro: 'Fabricarea altor mijloace de transport' },
  { code: '31', section: 'C', ru: 'Производство мебели', en: 'Manufacture of furniture', ro: 'Fabricarea de mobilă' },
  { code: '32', section: 'C', ru: 'Производство прочих готовых изделий', en: 'Other manufacturing', ro: 'Alte activități industriale' },
  { code: '33', section: 'C', ru: 'Ремонт и монтаж машин и оборудования', en: 'Repair and installation of machinery and equipment', ro: 'Repararea, întreținerea și instalarea mașinilor și echipamentelor' },
  { code: '35', section: 'D', ru: 'Обеспечение электрической энергией, газом и паром', en: 'Electricity, gas, steam and air conditioning supply', ro: 'Producția și furnizarea de energie electrică și termică, gaze, apă caldă și aer condiționat' },
  { code: '36', section: 'E', ru: 'Забор, очистка и распределение воды', en: 'Water collection, treatment and supply', ro: 'Captarea, tratarea și distribuția apei' },
  { code: '37', section: 'E', ru: 'Сбор и обработка сточных вод', en: 'Sewerage', ro: 'Colectarea și epurarea apelor uzate' },
  { code: '38', section: 'E', ru: 'Сбор, обработка и утилизация отходов', en: 'Waste collection, treatment and disposal; materials recovery', ro: 'Colectarea, tratarea și eliminarea deșeurilor; recuperarea materialelor' },
  { code: '39', section: 'E', ru: 'Ликвидация последствий загрязнений', en: 'Remediation and other waste management services', ro: 'Activități și servicii de decontaminare' },
  { code: '41', section: 'F', ru: 'Строительство зданий', en: 'Construction of buildings', ro: 'Construcții de clădiri' },
  { code: '42', section: 'F', ru: 'Строительство инженерных сооружений', en: 'Civil engineering', ro: 'Lucrări de geniu civil' },
  { code: '43', section: 'F', ru: 'Работы строительные специализированные', en: 'Specialised construction activities', ro: 'Lucrări speciale de construcții' },
  { code: '45', section: 'G', ru: 'Торговля и ремонт автотранспортных средств и мотоциклов', en: 'Trade and repair of motor vehicles and motorcycles', ro: 'Comerț cu ridicata și cu amănuntul, întreținerea și repararea autovehiculelor și a motocicletelor' },
  { code: '46', section: 'G', ru: 'Торговля оптовая', en: 'Wholesale trade', ro: 'Comerț cu ridicata, cu excepția autovehiculelor și motocicletelor' },
  { code: '47', section: 'G', ru: 'Торговля розничная', en: 'Retail trade', ro: 'Comerț cu amănuntul, cu excepția autovehiculelor și motocicletelor' },
  { code: '49', section: 'H', ru: 'Деятельность сухопутного и трубопроводного транспорта', en: 'Land transport and transport via pipelines', ro: 'Transporturi terestre și prin conducte' },
  { code: '50', section: 'H', ru: 'Деятельность водного транспорта', en: 'Water transport', ro: 'Transporturi pe apă' },
  { code: '51', section: 'H', ru: 'Деятельность воздушного и космического транспорта', en: 'Air transport', ro: 'Transporturi aeriene' },
  { code: '52', section: 'H', ru: 'Складское хозяйство и вспомогательная транспортная деятельность', en: 'Warehousing and support activities for transportation', ro: 'Depozitare și activități auxiliare pentru transporturi' },
  { code: '53', section: 'H', ru: 'Деятельность почтовой связи и курьерская деятельность', en: 'Postal and courier activities', ro: 'Activități de poștă și de curier' },
  { code: '55', section: 'I', ru: 'Предоставление мест для временного проживания', en: 'Accommodation', ro: 'Hoteluri și alte facilități de cazare' },
  { code: '56', section: 'I', ru: 'Предоставление продуктов питания и напитков', en: 'Food and beverage service activities', ro: 'Restaurante și alte activități de servicii de alimentație' },
  { code: '58', section: 'J', ru: 'Деятельность издательская', en: 'Publishing activities', ro: 'Activități de editare' },
  { code: '59', section: 'J', ru: 'Производство кинофильмов, видеофильмов и телепрограмм, звукозапись', en: 'Motion picture, video and television production, sound recording', ro: 'Producția de filme, video și programe de televiziune; înregistrări audio' },
  { code: '60', section: 'J', ru: 'Деятельность в области телевизионного и радиовещания', en: 'Programming and broadcasting activities', ro: 'Activități de difuzare și transmitere de programe' },
  { code: '61', section: 'J', ru: 'Деятельность в сфере телекоммуникаций', en: 'Telecommunications', ro: 'Telecomunicații' },
  { code: '62', section: 'J', ru: 'Разработка компьютерного программного обеспечения', en: 'Computer programming, consultancy and related activities', ro: 'Activități de servicii în tehnologia informației' },
  { code: '63', section: 'J', ru: 'Деятельность в области информационных технологий', en: 'Information service activities', ro: 'Activități de servicii informatice' },
  { code: '64', section: 'K', ru: 'Финансовые услуги, кроме страхования и пенсионного обеспечения', en: 'Financial service activities, except insurance and pension funding', ro: 'Intermedieri financiare, cu excepția activităților de asigurări și ale fondurilor de pensii' },
  { code: '65', section: 'K', ru: 'Страхование, перестрахование, негосударственные пенсионные фонды', en: 'Insurance, reinsurance and pension funding', ro: 'Activități de asigurări, reasigurări și ale fondurilor de pensii' },
  { code: '66', section: 'K', ru: 'Вспомогательная деятельность в сфере финансовых услуг и страхования', en: 'Activities auxiliary to financial services and insurance', ro: 'Activități auxiliare intermedierilor financiare și asigurărilor' },
  { code: '68', section: 'L', ru: 'Операции с недвижимым имуществом', en: 'Real estate activities', ro: 'Tranzacții imobiliare' },
  { code: '69', section: 'M', ru: 'Деятельность в области права и бухгалтерского учета', en: 'Legal and accounting activities', ro: 'Activități juridice și de contabilitate' },
  { code: '70', section: 'M', ru: 'Деятельность головных офисов; консультирование по вопросам управления', en: 'Activities of head offices; management consultancy', ro: 'Activități ale direcțiilor (centralelor); consultanță în management' },
  { code: '71', section: 'M', ru: 'Архитектура и инженерно-техническое проектирование; технические испытания', en: 'Architectural and engineering activities; technical testing and analysis', ro: 'Activități de arhitectură și inginerie; testări și analiză tehnică' },
  { code: '72', section: 'M', ru: 'Научные исследования и разработки', en: 'Scientific research and development', ro: 'Cercetare-dezvoltare' },
  { code: '73', section: 'M', ru: 'Деятельность рекламная и исследование конъюнктуры рынка', en: 'Advertising and market research', ro: 'Publicitate și activități de studiere a pieței' },
  { code: '74', section: 'M', ru: 'Деятельность профессиональная научная и техническая прочая', en: 'Other professional, scientific and technical activities', ro: 'Alte activități profesionale, științifice și tehnice' },
  { code: '75', section: 'M', ru: 'Деятельность ветеринарная', en: 'Veterinary activities', ro: 'Activități veterinare' },
  { code: '77', section: 'N', ru: 'Аренда и лизинг', en: 'Rental and leasing activities', ro: 'Activități de închiriere și leasing' },
  { code: '78', section: 'N', ru: 'Деятельность по трудоустройству и подбору персонала', en: 'Employment activities', ro: 'Activități de servicii privind forța de muncă' },
  { code: '79', section: 'N', ru: 'Деятельность туристических агентств и туроператоров', en: 'Travel agency, tour operator and reservation activities', ro: 'Activități ale agențiilor turistice și ale tur-operatorilor' },
  { code: '80', section: 'N', ru: 'Обеспечение безопасности и проведение расследований', en: 'Security and investigation activities', ro: 'Activități de investigații și protecție' },
  { code: '81', section: 'N', ru: 'Обслуживание зданий и территорий', en: 'Services to buildings and landscape activities', ro: 'Activități de peisagistică și servicii pentru clădiri' },
  { code: '82', section: 'N', ru: 'Административно-хозяйственная и вспомогательная деятельность для бизнеса', en: 'Office administrative, office support and other business support activities', ro: 'Activități de secretariat și servicii suport pentru întreprinderi' },
  { code: '84', section: 'O', ru: 'Государственное управление и обеспечение военной безопасности; социальное обеспечение', en: 'Public administration and defence; compulsory social security', ro: 'Administrație publică și apărare; asigurări sociale din sistemul public' },
  { code: '85', section: 'P', ru: 'Образование', en: 'Education', ro: 'Învățământ' },
  { code: '86', section: 'Q', ru: 'Деятельность в области здравоохранения', en: 'Human health activities', ro: 'Activități referitoare la sănătatea umană' },
  { code: '87', section: 'Q', ru: 'Уход с обеспечением проживания', en: 'Residential care activities', ro: 'Servicii combinate de îngrijire medicală și asistență socială, cu cazare' },
  { code: '88', section: 'Q', ru: 'Предоставление социальных услуг без обеспечения проживания', en: 'Social work activities without accommodation', ro: 'Activități de asistență socială, fără cazare' },
  { code: '90', section: 'R', ru: 'Деятельность творческая, в области искусства и организации развлечений', en: 'Creative, arts and entertainment activities', ro: 'Activități de creație și interpretare artistică' },
  { code: '91', section: 'R', ru: 'Деятельность библиотек, архивов, музеев и прочих объектов культуры', en: 'Libraries, archives, museums and other cultural activities', ro: 'Activități ale bibliotecilor, arhivelor, muzeelor și alte activități culturale' },
  { code: '92', section: 'R', ru: 'Организация азартных игр, пари и лотерей', en: 'Gambling and betting activities', ro: 'Activități de jocuri de noroc și pariuri' },
  { code: '93', section: 'R', ru: 'Деятельность в области спорта, отдыха и развлечений', en: 'Sports activities and amusement and recreation activities', ro: 'Activități sportive, recreative și distractive' },
  { code: '94', section: 'S', ru: 'Деятельность общественных организаций', en: 'Activities of membership organisations', ro: 'Activități asociative diverse' },
  { code: '95', section: 'S', ru: 'Ремонт компьютеров, предметов личного потребления и бытовых товаров', en: 'Repair of computers and personal and household goods', ro: 'Repararea calculatoarelor, a articolelor personale și de uz gospodăresc' },
  { code: '96', section: 'S', ru: 'Предоставление прочих персональных услуг', en: 'Other personal service activities', ro: 'Alte activități de servicii' },
  { code: '97', section: 'T', ru: 'Деятельность домашних хозяйств с наемными работниками', en: 'Activities of households as employers of domestic personnel', ro: 'Activități ale gospodăriilor private în calitate de angajator de personal casnic' },
  { code: '98', section: 'T', ru: 'Деятельность домашних хозяйств по производству товаров и услуг для себя', en: 'Undifferentiated goods- and services-producing activities of households for own use', ro: 'Activități ale gospodăriilor private de producere de bunuri și servicii destinate consumului propriu' },
  { code: '99', section: 'U', ru: 'Деятельность экстерриториальных организаций и органов', en: 'Activities of extraterritorial organisations and bodies', ro: 'Activități ale organizațiilor și organismelor extrateritoriale' },
];
