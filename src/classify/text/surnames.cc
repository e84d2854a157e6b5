#include "text/surnames.h"

#include <algorithm>
#include <string>
#include <vector>

#include "text/given_names.h"
#include "text/surname_table.h"

namespace metagate::classify::text {
namespace {

constexpr std::string_view kSurnames = R"(
smith johnson williams brown jones miller davis wilson anderson taylor thomas moore martin
jackson thompson harris clark lewis robinson walker allen wright scott adams nelson carter
mitchell roberts turner phillips campbell parker evans edwards collins stewart morris morgan
murphy bailey cooper richardson howard peterson james watson kelly sanders bennett barnes
henderson coleman jenkins patterson hughes washington simmons foster bryant alexander russell
griffin hayes myers hamilton graham sullivan wallace jordan owens reynolds ellis harrison
gibson mcdonald murray freeman webb simpson stevens hicks crawford henry boyd kennedy warren
dixon burns gordon holmes robertson daniels nichols ferguson hawkins dunn perkins hudson
gardner stephens matthews arnold wagner willis watkins olson carroll duncan snyder cunningham
bradley andrews ruiz harper riley armstrong greene lawrence elliott chavez sims austin peters
kelley franklin lawson o'brien o'connor o'neill o'sullivan byrne ryan walsh kavanagh doyle
mccarthy gallagher quinn brennan fitzgerald macdonald mackenzie garcía garcia rodríguez
rodriguez martínez martinez hernández hernandez lópez lopez gonzález gonzalez pérez perez
sánchez sanchez ramírez ramirez torres flores rivera gómez gomez díaz diaz morales reyes cruz
ortiz gutiérrez gutierrez chávez ramos jiménez jimenez fernández fernandez moreno álvarez
alvarez romero navarro domínguez dominguez vázquez vazquez castro suárez suarez medina herrera
aguilar vargas castillo mendoza silva santos oliveira souza sousa lima pereira ferreira costa
carvalho almeida ribeiro rodrigues alves gomes martins araújo araujo barbosa rocha dias
nascimento moreira cardoso teixeira correia pinto mendes fonseca nunes monteiro bernard dubois
durand lefèvre lefevre leroy moreau simon laurent lefebvre michel garnier girard bonnet dupont
lambert fontaine rousseau vincent mercier guerin boyer fournier faure andré chevalier morel
fabre müller muller mueller schmidt schneider fischer weber meyer becker schulz hoffmann
schäfer schafer koch bauer richter klein schröder schroder neumann schwarz zimmermann braun
krüger kruger hofmann hartmann lange schmitt werner krause meier lehmann schmid schulze maier
köhler kohler herrmann könig konig fuchs rossi russo ferrari esposito bianchi romano colombo
ricci marino greco gallo conti giordano mancini rizzo lombardi moretti barbieri fontana santoro
mariani jansen bakker visser smit meijer mulder bos vos hendriks van dijk dekker andersson
johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson
jensen nielsen hansen pedersen andersen christensen larsen sørensen sorensen rasmussen
jørgensen jorgensen petersen madsen kristensen olsen johansen berg haugen virtanen korhonen
nieminen mäkinen makinen hämäläinen laine heikkinen koskinen nowak kowalski kowalska wiśniewski
wisniewski wójcik wojcik kowalczyk kamiński kaminski lewandowski lewandowska zieliński
zielinski szymański szymanski woźniak wozniak dąbrowski kozłowski jankowski mazur krawczyk
ivanov ivanova smirnov smirnova kuznetsov kuznetsova popov popova vasiliev petrov petrova
sokolov mikhailov novikov fedorov morozov volkov volkova alekseev lebedev semenov egorov pavlov
kozlov stepanov nikolaev orlov andreev makarov zaitsev shevchenko bondarenko kovalenko
tkachenko kravchenko melnyk novák novak dvořák dvorak svoboda černý horák nagy kovács kovacs
tóth toth szabó szabo horváth horvath varga kiss molnár molnar popescu ionescu popa dumitru
stan stoica gheorghe constantin papadopoulos papadakis georgiou nikolaidis yılmaz yilmaz kaya
demir şahin sahin çelik celik yıldız yildiz yıldırım öztürk ozturk aydın aydin özdemir ozdemir
arslan doğan dogan kılıç kilic aslan çetin kara koç kurt özkan khan ahmed ali hussain hassan
rahman malik sheikh qureshi siddiqui chaudhry butt mirza haddad khoury mansour nasser saleh
hamdan abbas karimi hosseini ahmadi mohammadi rezaei moradi sadeghi rahimi jafari sharma patel
singh kumar gupta verma mehta shah joshi reddy rao iyer nair menon pillai banerjee chatterjee
mukherjee das bose ghosh sen roy chakraborty dutta desai kapoor malhotra agarwal bhat naidu
kulkarni jain yadav mishra pandey tiwari chauhan thakur adeyemi okafor okonkwo adebayo ogunleye
eze nwosu obi okeke ibrahim bello abubakar mensah boateng owusu asante osei kamau otieno mwangi
ochieng njoroge dlamini nkosi ndlovu mokoena khumalo zulu moyo banda phiri wang li zhang liu
chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao zheng liang xie tang feng deng cao
peng zeng xiao tian dong pan yuan cai jiang cheng wei ding shen chan wong cheung lau leung
tsang sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto
ishikawa ogawa okada hasegawa fujita goto kondo murakami endo aoki sakamoto kim lee park choi
jung kang cho yoon jang seo shin kwon hwang ahn ryu jeon hong bae baek nguyen tran pham hoang
huynh phan vu vo dang bui ngo duong bautista ocampo tomas aquino villanueva santoso wijaya
kusuma susanto hidayat saputra setiawan lestari wulandari pratama
)";

std::vector<std::string_view> Build() {
  std::vector<std::string_view> out;
  for (std::string_view text : {kSurnames, kSurnameWorldText}) {
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
      size_t b = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
      if (i > b) out.push_back(text.substr(b, i - b));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool IsCommonSurname(std::string_view word) {
  static const std::vector<std::string_view> table = Build();
  char buf[96];
  std::string_view lower = LowerInto(word, buf, sizeof buf);
  if (lower.empty()) return false;
  if (std::binary_search(table.begin(), table.end(), lower)) return true;
  char fold[96];
  std::string_view folded = FoldInto(lower, fold, sizeof fold);
  return !folded.empty() && folded != lower &&
         std::binary_search(table.begin(), table.end(), folded);
}

}  // namespace metagate::classify::text
